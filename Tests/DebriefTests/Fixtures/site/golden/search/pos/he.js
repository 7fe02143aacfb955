debriefSearch.addPositions("he",{"health":[3,1,69]});
