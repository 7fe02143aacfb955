debriefSearch.addShard("20",{"200":[1,11]});
