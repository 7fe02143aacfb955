debriefSearch.addPositions("no",{"no":[0,2,55,22],"not":[1,1,98],"notification":[2,4,0,10,10,41,2,4,0,10,10,9],"notificationqueuebacklog":[2,2,10,51,2,2,0,10],"notifier":[4,5,55,17,5,9,17]});
