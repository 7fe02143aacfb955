debriefSearch.addShard("cu",{"customer":[1,21,2,37]});
