debriefSearch.addShard("db",{"db":[3,5]});
