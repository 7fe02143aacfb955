debriefSearch.addPositions("l",{"l":[4,2,53,31]});
