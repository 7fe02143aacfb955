debriefSearch.addPositions("00",{"000":[4,1,35]});
