debriefSearch.addShard("po",{"pod":[4,25],"postgr":[1,30]});
