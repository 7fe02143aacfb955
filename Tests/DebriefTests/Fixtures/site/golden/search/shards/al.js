debriefSearch.addShard("al",{"alert":[0,6,1,20,1,12]});
