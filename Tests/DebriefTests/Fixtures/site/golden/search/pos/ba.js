debriefSearch.addPositions("ba",{"back":[1,1,148,2,2,66,16],"backlog":[2,2,12,51,2,2,2,10],"baselin":[1,1,150,2,2,102,6]});
