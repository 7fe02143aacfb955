debriefSearch.addPositions("mo",{"mor":[4,1,32],"most":[1,1,64]});
