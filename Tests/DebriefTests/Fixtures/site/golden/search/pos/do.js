debriefSearch.addPositions("do",{"document":[1,1,170]});
