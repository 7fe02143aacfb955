debriefSearch.addPositions("th",{"than":[4,1,33]});
