debriefSearch.addPositions("15",{"15":[3,1,112]});
