debriefSearch.addShard("ge",{"get":[4,12]});
