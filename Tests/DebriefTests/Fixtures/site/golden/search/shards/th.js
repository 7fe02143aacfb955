debriefSearch.addShard("th",{"than":[4,27]});
