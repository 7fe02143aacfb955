debriefSearch.addShard("or",{"order":[1,21,2,5]});
