debriefSearch.addPositions("fa",{"fail":[1,1,74],"failover":[1,5,4,29,10,52,67]});
