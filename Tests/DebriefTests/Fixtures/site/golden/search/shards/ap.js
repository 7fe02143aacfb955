debriefSearch.addShard("ap",{"app":[4,12]});
