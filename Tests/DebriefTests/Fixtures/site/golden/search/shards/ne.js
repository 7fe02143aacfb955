debriefSearch.addShard("ne",{"new":[0,17]});
