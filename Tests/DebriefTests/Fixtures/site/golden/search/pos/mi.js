debriefSearch.addPositions("mi",{"minut":[0,1,54,1,3,50,27,32,2,2,105,8,1,1,39],"mitigat":[0,1,103,1,1,140]});
