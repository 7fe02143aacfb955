debriefSearch.addPositions("db",{"db":[3,1,73]});
