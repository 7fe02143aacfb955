debriefSearch.addPositions("n",{"n":[3,2,52,40]});
