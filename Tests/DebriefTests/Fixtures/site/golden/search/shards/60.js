debriefSearch.addShard("60",{"60":[1,15]});
