debriefSearch.addPositions("ca",{"call":[0,1,102,1,1,136],"cannot":[3,1,35]});
