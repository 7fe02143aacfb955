debriefSearch.addShard("st",{"status":[3,5],"stock":[0,37],"stuck":[2,29,2,25]});
