debriefSearch.addPositions("fe",{"featur":[0,1,108]});
