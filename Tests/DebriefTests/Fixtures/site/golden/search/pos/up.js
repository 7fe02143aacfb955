debriefSearch.addPositions("up",{"up":[2,1,40],"updat":[3,1,114]});
