debriefSearch.addPositions("ru",{"runbook":[1,1,96]});
