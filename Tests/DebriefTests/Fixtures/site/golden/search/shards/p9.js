debriefSearch.addShard("p9",{"p99":[0,17]});
