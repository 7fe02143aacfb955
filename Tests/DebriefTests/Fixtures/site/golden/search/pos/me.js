debriefSearch.addPositions("me",{"messag":[4,1,36]});
