debriefSearch.addPositions("po",{"pod":[4,4,49,3,28,3],"postgr":[1,1,24]});
