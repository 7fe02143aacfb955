debriefSearch.addShard("wr",{"writ":[1,21]});
