debriefSearch.addPositions("p9",{"p99":[0,1,42]});
