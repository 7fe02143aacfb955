debriefSearch.addShard("bl",{"block":[1,16]});
