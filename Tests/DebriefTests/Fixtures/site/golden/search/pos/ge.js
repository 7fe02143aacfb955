debriefSearch.addPositions("ge",{"get":[4,2,51,31]});
