debriefSearch.addPositions("ps",{"psql":[3,1,70]});
