debriefSearch.addPositions("an",{"answer":[3,1,77]});
