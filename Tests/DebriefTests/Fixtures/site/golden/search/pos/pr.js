debriefSearch.addPositions("pr",{"primary":[1,1,128],"production":[3,2,53,40],"promot":[1,2,103,39]});
