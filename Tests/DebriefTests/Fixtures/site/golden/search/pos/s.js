debriefSearch.addPositions("s",{"s":[0,1,66]});
