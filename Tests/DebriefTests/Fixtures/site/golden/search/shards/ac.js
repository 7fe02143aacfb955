debriefSearch.addShard("ac",{"accept":[1,5],"acknowledg":[0,6,1,5]});
