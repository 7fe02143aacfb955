debriefSearch.addShard("n",{"n":[3,10]});
