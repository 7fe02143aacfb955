debriefSearch.addShard("ps",{"psql":[3,5]});
