debriefSearch.addPositions("10",{"10":[4,2,34,4]});
