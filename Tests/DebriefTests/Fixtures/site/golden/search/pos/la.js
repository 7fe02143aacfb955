debriefSearch.addPositions("la",{"lag":[1,4,59,42,59,6],"last":[3,1,84],"latency":[0,4,1,13,29,52],"later":[1,1,86],"launch":[0,2,91,39]});
