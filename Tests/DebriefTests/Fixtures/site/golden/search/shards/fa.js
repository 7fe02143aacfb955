debriefSearch.addShard("fa",{"fail":[1,11],"failover":[1,124]});
