debriefSearch.addPositions("be",{"becaus":[0,1,73,1,1,55],"befor":[1,2,102,59],"began":[0,1,87,1,1,123,2,1,87],"behind":[1,1,110]});
