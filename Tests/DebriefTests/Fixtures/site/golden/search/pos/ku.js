debriefSearch.addPositions("ku",{"kubectl":[3,2,51,40,1,5,50,18,5,8,18]});
