debriefSearch.addShard("la",{"lag":[1,48],"last":[3,5],"latency":[0,140],"later":[1,11],"launch":[0,26]});
