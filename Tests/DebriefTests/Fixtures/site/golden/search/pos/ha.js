debriefSearch.addPositions("ha",{"had":[0,1,76]});
