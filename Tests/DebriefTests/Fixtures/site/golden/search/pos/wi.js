debriefSearch.addPositions("wi",{"within":[3,2,78,25]});
