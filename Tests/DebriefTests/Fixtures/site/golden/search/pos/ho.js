debriefSearch.addPositions("ho",{"hold":[4,1,31],"hour":[2,1,43]});
