debriefSearch.addPositions("da",{"databas":[1,3,3,29,15,2,1,68]});
